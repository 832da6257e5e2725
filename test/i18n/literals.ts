// Finds user-visible string literals in a Svelte component: text in the markup, words in
// user-facing attributes and props (aria-label, title, placeholder, alt, label, …Label),
// string literals a template prints ({ok ? 'Saved' : 'Failed'}), and sentence-like strings
// in its script. Words the user reads come from the catalogs (m.key()), never from here.
import { parse } from 'svelte/compiler'

export interface Literal {
  line: number
  text: string
  where: string
}

/** Names, not words: the same in every language. */
const ALLOWED = new Set(['SkyLight Desk', 'SkyLight'])
const USER_FACING = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
])
const hasWords = (text: string) => /\p{L}/u.test(text) && !ALLOWED.has(text.trim())
// "Remove account", "Remove " in `Remove ${name}?`: a capitalised word followed by more.
const sentenceLike = (text: string) => /^\s*\p{Lu}\p{Ll}+[\s,.:…?!]/u.test(text) && !ALLOWED.has(text.trim())
const userFacingName = (name: string) => USER_FACING.has(name) || /(Label|Text|Title|Message|Placeholder|Hint)$/.test(name)

type Node = { type: string; start: number; [key: string]: unknown }

export function findLiterals(source: string): Literal[] {
  const ast = parse(source, { modern: true }) as unknown as { fragment: Node; instance?: { content: Node }; module?: { content: Node } }
  const found: Literal[] = []
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length
  const report = (node: Node, text: string, where: string) => found.push({ line: lineOf(node.start), text: text.trim().slice(0, 60), where })

  /** Strings an expression puts on screen as they are (not arguments, keys or comparisons). */
  function printed(expression: Node | null | undefined, where: string): void {
    if (!expression) return
    switch (expression.type) {
      case 'Literal':
        if (typeof expression.value === 'string' && hasWords(expression.value)) report(expression, expression.value, where)
        return
      case 'TemplateLiteral':
        for (const quasi of expression.quasis as { value: { cooked: string }; start: number; type: string }[]) {
          if (hasWords(quasi.value.cooked)) report(quasi as Node, quasi.value.cooked, where)
        }
        for (const inner of expression.expressions as Node[]) printed(inner, where)
        return
      case 'ConditionalExpression':
        printed(expression.consequent as Node, where)
        printed(expression.alternate as Node, where)
        return
      case 'LogicalExpression':
        printed(expression.left as Node, where)
        printed(expression.right as Node, where)
        return
      case 'BinaryExpression':
        if (expression.operator === '+') {
          printed(expression.left as Node, where)
          printed(expression.right as Node, where)
        }
        return
      default:
        return
    }
  }

  function markup(node: unknown, inKbd: boolean): void {
    if (Array.isArray(node)) {
      for (const child of node) markup(child, inKbd)
      return
    }
    if (!node || typeof node !== 'object') return
    const n = node as Node
    if (n.type === 'Text') {
      if (!inKbd && hasWords(String(n.data))) report(n, String(n.data), 'text')
      return
    }
    if (n.type === 'ExpressionTag') {
      if (!inKbd) printed(n.expression as Node, 'text')
      return
    }
    if (n.type === 'Attribute') {
      const name = String(n.name)
      if (!userFacingName(name) || n.value === true) return
      for (const part of (Array.isArray(n.value) ? n.value : [n.value]) as Node[]) {
        if (part.type === 'Text' && hasWords(String(part.data))) report(part, String(part.data), name)
        if (part.type === 'ExpressionTag') printed(part.expression as Node, name)
      }
      return
    }
    if (n.type === 'StyleDirective' || n.type === 'ClassDirective' || n.type === 'BindDirective' || n.type === 'OnDirective') return
    const kbd = inKbd || (n.type === 'RegularElement' && n.name === 'kbd')
    for (const [key, value] of Object.entries(n)) {
      if (key === 'metadata' || key === 'parent') continue
      if (value && typeof value === 'object') markup(value, kbd)
    }
  }

  function script(node: unknown): void {
    if (Array.isArray(node)) {
      for (const child of node) script(child)
      return
    }
    if (!node || typeof node !== 'object') return
    const n = node as Node
    if (n.type === 'ImportDeclaration') return
    if (n.type === 'Literal' && typeof n.value === 'string' && sentenceLike(n.value)) report(n, n.value, 'script')
    if (n.type === 'TemplateElement') {
      const cooked = (n.value as { cooked: string }).cooked
      if (sentenceLike(cooked)) report(n, cooked, 'script')
    }
    for (const [key, value] of Object.entries(n)) {
      if (key === 'metadata' || key === 'loc') continue
      if (value && typeof value === 'object') script(value)
    }
  }

  markup(ast.fragment, false)
  if (ast.instance) script(ast.instance.content)
  if (ast.module) script(ast.module.content)
  return found
}
