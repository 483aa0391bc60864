export { HandoverLink } from "./handover-link";
export { HandoverPage } from "./handover-page";
