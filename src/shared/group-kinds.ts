// The kinds of contact group, in the order the interface shows them. Apart from the
// contract's schemas so the renderer can use the list without bundling zod.
export const groupKinds = ['tag', 'list', 'segment'] as const
