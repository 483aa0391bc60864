/** Who is calling a service: the signed-in user, and the session they use. */
export type Actor = { userId: string; sessionId: string };
