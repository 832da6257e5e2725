// Vite turns CSS imports into <style> tags; the type checker only needs to know they exist.
declare module '*.css' {}
