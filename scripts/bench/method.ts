/** How each figure was counted, written into results.json next to the figures. */
export const METHOD: Record<string, string> = {
  paths:
    "Each path group runs in its own local cloud (real handlers and state machine, DynamoDB Local, SES and SNS emulators) on a frozen virtual clock moved in 6-hour steps, with the default business policy (business-standard). Invoices arrive overdue over 20 virtual days, one new debtor each; debtors and one warm-up invoice (which seeds the policy) are posted before counting starts. Counting stops once every execution has ended. Figures are totals divided by the group's invoices.",
  transitions:
    'From GetExecutionHistory: one transition per state entered (*StateEntered events) plus one per task retry (a second or later TaskScheduled/LambdaFunctionScheduled within one task state), as AWS bills Standard workflows. Ending an execution is not a transition.',
  lambdaInvocations:
    "The local cloud's onInvoke (state machine tasks, SES event recorder) plus the webhook requests the bench posts (one API Gateway request and one Lambda invocation each). The daily sweep is off: it is a fixed cost per day, not per invoice.",
  lambdaDuration:
    'An estimate: the wall time of each handler body in-process against the local emulators (a timing middleware added with middy use()), rounded up to the millisecond, times the memory the synthesized function has. Cold-start init time is not included.',
  dynamodb:
    'A proxy in front of DynamoDB Local sums the ConsumedCapacity of every answer (the store asks for TOTAL on every call): read units for GetItem/Query/Scan/BatchGetItem/TransactGetItems, write units for PutItem/UpdateItem/DeleteItem/BatchWriteItem/TransactWriteItems. DynamoDB Local reports transactions at twice the units, index writes included, as DynamoDB bills them. Transactions cancelled by a condition report no units and are not counted.',
  messages:
    'Emails: what the SES emulator received, with attachment bytes. SNS: every publish the SNS emulator received (call tasks, account managers, collection agency, and the SES delivery events SES publishes to the email-events topic), billed per 64 KB.',
  prices:
    'List prices for eu-west-1 in prices.ts, on demand, without free tiers. Cost per 1,000 invoices = per-invoice counts × 1,000 × price. API Gateway is shown apart and is not in the total.',
  coldStart:
    "`cdk synth` into .bench/cdk.out; every Lambda function whose code is a bundled asset. bytes = size of index.mjs. importMs = median wall time of a fresh `node` process (the machine's Node) that imports the bundle with the function's deployed environment and exits, over 9 rounds after a warm-up round; the empty handler is measured in the same rounds. cpuMs = median CPU time (user + system, process.cpuUsage) of that process at the end of the import: wall time on a shared machine grows with every other process, CPU time hardly, so cpuRatio is the figure to compare between runs on a busy machine. The AWS SDK clients are bundled (sdkPackages lists any left to the runtime: none); sdkClients reads the service ids out of the bundle, tracer whether Powertools' tracer is in it.",
  ingestion:
    "invoice.created events (--count, default 10,000; one debtor per five invoices, posted first), all overdue, posted with Standard Webhooks signatures at concurrency 50 to the local API on a frozen clock; latency per request from send to the end of the answer; then ListExecutions (all pages) counts the executions of each accepted invoice. The parts: the signature check (Webhook.prototype.verify) and the validation (the route's body schema) timed in-process by wrapping them, the DynamoDB calls timed on the wire by the proxy (request sent to answer received), each summed over the requests and divided by the webhook handler's summed time; rest is the intake's own work, StartExecution and waiting for the event loop of the one process that runs 50 requests at once.",
  sweep:
    'The sweep use case with the DynamoDB store over --sweep-invoices due invoices (one debtor per five) seeded into DynamoDB Local, 100 to a transaction, behind the capacity proxy; pages of 200, 16 invoices at once, as deployed. Step Functions is a stand-in that answers at once and lists what it started as running, so starts per second is what the store allows here, not the StartExecution quota. Two passes: the day they fell due (every invoice started) and the next day (every execution runs). CPU is this process only (DynamoDB Local runs in its own JVM).',
};
