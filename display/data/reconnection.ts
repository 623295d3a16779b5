/**
 * A restarted server is back within about a second and screens must catch up within 5 s:
 * socket.io's default back-off (1 s doubling to 5 s) left screens waiting up to 5 s after the
 * server was back. The default randomization (±50 %) still spreads a thousand screens.
 * (The benchmark's reconnect storm uses these too.)
 */
export const RECONNECTION = { reconnectionDelay: 500, reconnectionDelayMax: 2000 } as const;
