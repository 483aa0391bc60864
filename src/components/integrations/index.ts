// What other domains use of the integrations UI: the metric card shows where its values come from.
export { MetricPull } from "./metric-pull";
