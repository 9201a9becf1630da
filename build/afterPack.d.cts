/** The part of electron-builder's AfterPackContext the hook reads. */
export interface AfterPackContext {
  readonly appOutDir: string
  readonly electronPlatformName: string
  readonly packager: {
    readonly appInfo: { readonly productFilename: string }
    readonly executableName: string
  }
}
export declare function afterPack(context: AfterPackContext): Promise<void>
export default afterPack
