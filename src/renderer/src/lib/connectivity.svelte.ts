/** Whether the machine has a network, as a reactive value. */
export class Connectivity {
  online = $state(navigator.onLine)

  constructor() {
    window.addEventListener('online', () => (this.online = true))
    window.addEventListener('offline', () => (this.online = false))
  }
}

export const connectivity = new Connectivity()
