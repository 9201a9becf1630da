export declare const ICON_SOURCE: string
export declare const ICON_STAMP: string
export declare const ICON_SIZES: readonly number[]
/** Every icon file, keyed by its path in the repository. */
export declare function renderIcons(svg: Buffer): Map<string, Buffer>
/** The stamp's content: which SVG the committed icons were rendered from. */
export declare function sourceStamp(svg: Buffer): string
