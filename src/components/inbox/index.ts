// What other folders of components may use of the inbox's.
export { UnreadBadge } from "./unread-badge";
export { useSetDigest } from "./mutations";
