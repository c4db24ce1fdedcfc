// The words of kt's help: long descriptions and examples per command path (`top pod`), in kubectl's manner.
// `{{root}}` becomes `kt`, or `kubectl triage` when kt runs as a kubectl plugin. A command missing here gets its
// commander description and no examples. Commands registered later (triage, drill) may add entries.

export interface HelpText {
  /** The one-line description in command lists (defaults to the commander description). */
  short?: string;
  /** Paragraphs separated by blank lines. */
  long?: string;
  /** `# comment` lines and commands, examples separated by blank lines. */
  examples?: string;
}

/** The root's command groups, in order; commands not named here are listed under "Other Commands". */
export const ROOT_GROUPS: readonly (readonly [string, readonly string[]])[] = [
  ['Triage Commands', ['triage', 'top', 'logs', 'events', 'debug']],
  ['Practice Commands', ['sim', 'drill']],
];

export const HELP_TEXT: Record<string, HelpText> = {
  '': {
    long: `kt: kubectl top, logs, events and debug, byte for byte, and then further.

Every command prints what kubectl 1.32 prints for the same cluster and flags; kt's extensions live behind flags of their own (marked "kt:" in each command's options).`,
  },
  top: {
    long: `Display resource (CPU/memory) usage.

The top command allows you to see the resource consumption for nodes or pods.

This command requires Metrics Server to be correctly configured and working on the server.`,
  },
  'top pod': {
    long: `Display resource (CPU/memory) usage of pods.

The 'top pod' command allows you to see the resource consumption of pods.

Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.`,
    examples: `# Show metrics for all pods in the default namespace
{{root}} top pod

# Show metrics for all pods in the given namespace
{{root}} top pod --namespace=NAMESPACE

# Show metrics for a given pod and its containers
{{root}} top pod POD_NAME --containers

# Show metrics for the pods defined by label name=myLabel
{{root}} top pod -l name=myLabel

# kt: show usage against requests and limits, restarts and the last termination
{{root}} top pod -A --resources --containers

# kt: the same numbers for a script
{{root}} top pod -A -o json`,
  },
  'top node': {
    long: `Display resource (CPU/memory) usage of nodes.

The top-node command allows you to see the resource consumption of nodes.`,
    examples: `# Show metrics for all nodes
{{root}} top node

# Show metrics for a given node
{{root}} top node NODE_NAME

# kt: refresh every 5 seconds
{{root}} top node --watch=5s`,
  },
  logs: {
    long: `Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.`,
    examples: `# Return snapshot logs from pod nginx with only one container
{{root}} logs nginx

# Return snapshot logs from all containers in pods defined by label app=nginx
{{root}} logs -l app=nginx --all-containers=true

# Display only the most recent 20 lines of output in pod nginx
{{root}} logs --tail=20 nginx

# Return the logs of the previous terminated ruby container in pod web-1
{{root}} logs -p -c ruby web-1

# Begin streaming the logs of the first container in the deployment nginx
{{root}} logs -f deployment/nginx

# kt: follow every pod of a deployment, including pods that appear later and restarted containers
{{root}} logs -f --live deploy/nginx

# kt: wait (at most 2 minutes) for a line that says the server is ready
{{root}} logs deploy/nginx --wait-for 'ready' --timeout 2m

# kt: one JSON record per line, errors only
{{root}} logs nginx --include error -o json`,
  },
  events: {
    long: `Display events.

Prints a table of the most important information about events. You can request events for a namespace, for all namespaces, or filtered to only those pertaining to a specified resource.`,
    examples: `# List recent events in the default namespace
{{root}} events

# List recent events in all namespaces
{{root}} events --all-namespaces

# List recent events for the specified pod, then wait for more events and list them as they arrive
{{root}} events --for pod/web-pod-13je7 --watch

# List recent events in YAML format
{{root}} events -oyaml

# List recent only events of type 'Warning' or 'Normal'
{{root}} events --types=Warning,Normal

# kt: the events of a deployment, its replica sets, their pods and nodes, from the last 10 minutes
{{root}} events --for deploy/web --related --since 10m`,
  },
  debug: {
    long: `Debug cluster resources using interactive debugging containers.

'debug' provides automation for common debugging tasks for cluster objects identified by resource and name. Pods will be used by default if no resource is specified.

The action taken by 'debug' varies depending on what resource is specified. Supported actions include:

* Workload: Create a copy of an existing pod with certain attributes changed, for example changing the image tag to a new version.
* Workload: Add an ephemeral container to an already running pod, for example to add debugging utilities without restarting the pod.
* Node: Create a new pod that runs in the node's host namespaces and can access the node's filesystem.`,
    examples: `# Create an interactive debugging session in pod mypod and immediately attach to it.
{{root}} debug mypod -it --image=busybox

# Create a debug container named debugger using a custom automated debugging image.
{{root}} debug --image=myproj/debug-tools -c debugger mypod

# Create a copy of mypod adding a debug container and attach to it
{{root}} debug mypod -it --image=busybox --copy-to=my-debugger

# Create an interactive debugging session on a node and immediately attach to it.
{{root}} debug node/mynode -it --image=busybox

# kt: print the kubectl command that does the same
{{root}} debug mypod -it --image=busybox --explain

# kt: list and delete what kt debug left behind
{{root}} debug --cleanup -A`,
  },
  triage: {
    long: `One incident report for a pod or workload: a verdict naming the cause, then state, events, logs and usage.

The first line names the cause (Unschedulable, NodeNotReady, ImagePullBackOff, OOMKilled, CrashLoopBackOff, …); then phase and conditions, each container's state, restarts and last termination, the Warning events of the owner chain and the node, usage against requests and limits, and the last lines of the previous and current logs.

Exit codes: 0 when every pod examined is healthy, 2 when at least one is not (or there are no pods), 1 when kt could not triage.`,
    examples: `# Triage a pod in the current namespace
{{root}} triage mypod

# Triage the pods of a deployment (its replica sets and their pods, with the events of each)
{{root}} triage -n shop deploy/checkout

# Triage the pods a label selector matches, across all namespaces
{{root}} triage -A -l app=web

# Every unhealthy pod in the cluster, one verdict each
{{root}} triage -A --unhealthy

# The report as JSON, for a script
{{root}} triage -n shop deploy/checkout -o json

# The plain kubectl commands that give the same answers (on stderr)
{{root}} triage -n shop payments-0 --explain`,
  },
  drill: {
    long: `CKA practice: kt starts a simulated cluster and poses a task, you answer with kubectl, kt checks.

The practice cluster is kt sim with the demo scenario, frozen, in the background; its kubeconfig, the answer file and the drill's state live in --dir (default: $KT_DRILL_DIR, else ~/.kt/drill).`,
    examples: `# List the tasks, then start one
{{root}} drill list
{{root}} drill start highest-cpu

# Check the answer, then stop the practice cluster
{{root}} drill check
{{root}} drill stop`,
  },
  sim: {
    long: `Serve a simulated cluster that kt and real kubectl can talk to.

The sim speaks enough of the Kubernetes API for kubectl top, get, logs, events and debug. It is kt's test bed, its demo and a practice cluster that needs no Docker and no cloud.`,
    examples: `# Serve the demo scenario on a free port and write a kubeconfig for it
{{root}} sim --port 0 --kubeconfig-out /tmp/kt-sim.yaml

# Then point kubectl (or kt) at it
KUBECONFIG=/tmp/kt-sim.yaml kubectl get pods -A`,
  },
  completion: {
    long: `Output shell completion code for the specified shell (bash, zsh, fish, or powershell). The shell code must be evaluated to provide interactive completion of kt commands, flags, flag values and the names of pods, containers, nodes, namespaces and contexts.

Names come from the cluster of the current context (or --context, --namespace, --kubeconfig on the command line); when it cannot be reached within a second (or the --request-timeout on the line), nothing is offered and nothing is printed.`,
    examples: `# Load the kt completion code for bash into the current shell
source <({{root}} completion bash)

# Write bash completion code to a file and source it from .bashrc
{{root}} completion bash > ~/.kt-completion.bash
echo 'source ~/.kt-completion.bash' >> ~/.bashrc

# Load the kt completion code for zsh into the current shell
source <({{root}} completion zsh)

# Load the kt completion code for fish into the current shell
{{root}} completion fish | source

# Load the kt completion code for powershell into the current shell
{{root}} completion powershell | Out-String | Invoke-Expression`,
  },
  version: {
    long: `Print the client and server version information for the current context.`,
    examples: `# Print the client and server versions for the current context
{{root}} version

# Print kt's version only, as JSON
{{root}} version --client -o json`,
  },
  options: {
    long: `Print the list of flags inherited by all commands.`,
    examples: `# Print flags inherited by all commands
{{root}} options`,
  },
};
