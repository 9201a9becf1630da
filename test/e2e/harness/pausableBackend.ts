/**
 * A server that can go away and come back on the same address, as ChartMogul does when the
 * laptop's network drops: a TCP relay in front of a simulator. Stopping closes the listener and
 * cuts every open connection (so requests fail with "connection refused/reset", as they would
 * with the network gone); the simulator behind keeps its state, so a test can change the
 * account "meanwhile" through the simulator's API.
 */
import { createServer, connect, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import type { RunningSimulator } from '../../../src/main/simulator'
import { createDemoRuntime } from '../../../src/main/features/workspaces/demoRuntime'
import type { DemoRuntime } from '../../../src/main/features/workspaces/gatewayPool'

export interface PausableBackend {
  url: string
  /** The demo workspace answered through this relay. */
  demo: DemoRuntime
  stop(): Promise<void>
  start(): Promise<void>
  close(): Promise<void>
}

export async function pausableBackend(
  simulator: Pick<RunningSimulator, 'port' | 'apiKey'>
): Promise<PausableBackend> {
  const sockets = new Set<Socket>()
  let server: Server | null = null
  let port = 0

  async function listen(): Promise<void> {
    const next = createServer((client) => {
      const upstream = connect(simulator.port, '127.0.0.1')
      sockets.add(client).add(upstream)
      const drop = (): void => {
        client.destroy()
        upstream.destroy()
        sockets.delete(client)
        sockets.delete(upstream)
      }
      client.on('error', drop).on('close', drop)
      upstream.on('error', drop).on('close', drop)
      client.pipe(upstream).pipe(client)
    })
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject)
      next.listen(port, '127.0.0.1', () => resolve())
    })
    port = (next.address() as AddressInfo).port
    server = next
  }

  async function stop(): Promise<void> {
    const current = server
    server = null
    for (const socket of sockets) socket.destroy()
    sockets.clear()
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()))
  }

  await listen()
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    demo: createDemoRuntime(async () => ({
      url,
      apiKey: simulator.apiKey,
      close: async () => {}
    })),
    stop,
    start: listen,
    close: stop
  }
}
