export declare const FUSES: Readonly<{
  RunAsNode: boolean
  EnableNodeOptionsEnvironmentVariable: boolean
  EnableNodeCliInspectArguments: boolean
  EnableCookieEncryption: boolean
  OnlyLoadAppFromAsar: boolean
  EnableEmbeddedAsarIntegrityValidation: boolean
}>
