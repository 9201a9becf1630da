export function electronPackageDir(): string
export function electronVersion(): string
export function isElectronInstalled(dir?: string): boolean
export function runElectronInstaller(options?: {
  timeoutMs?: number
}): Promise<{ ok: boolean; code: number | null; stderr: string }>
export function downloadFailureMessage(version: string, stderr: string): string
