/**
 * A minimal event emitter typed by an event map (name → payload), so a
 * listener's payload type follows from the event's name.
 */
type Listener<T> = (payload: T) => void

export class TypedEmitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>()

  /** Calls `listener` with each `name` event's payload until the returned function is called. */
  on<K extends keyof Events>(name: K, listener: Listener<Events[K]>): () => void {
    let set = this.listeners.get(name)
    if (!set) this.listeners.set(name, (set = new Set()))
    const held = listener as Listener<never>
    set.add(held)
    return () => {
      set.delete(held)
    }
  }

  /** Calls every listener of `name`, in the order they were added. */
  emit<K extends keyof Events>(name: K, payload: Events[K]): void {
    const set = this.listeners.get(name)
    if (set) for (const l of set) (l as Listener<Events[K]>)(payload)
  }

  /** Drops every listener. */
  clear(): void {
    this.listeners.clear()
  }
}
