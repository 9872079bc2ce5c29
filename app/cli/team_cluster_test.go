package cli

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// debianNATS is the nats-server binary `make deps-test` installs.
const debianNATS = "/usr/sbin/nats-server"

// natsNode is one nats-server process of a test cluster.
type natsNode struct {
	url  string
	cmd  *exec.Cmd
	done chan struct{}
}

// debianCluster starts three nats-server processes with JetStream, routed
// on loopback, each with its store in a temporary directory.
func debianCluster(t *testing.T) []*natsNode {
	t.Helper()
	client, routes := make([]string, 3), make([]string, 3)
	for i := range client {
		client[i], routes[i] = freePort(t), freePort(t)
	}
	nodes := make([]*natsNode, 3)
	for i := range nodes {
		var peers []string
		for j, r := range routes {
			if j != i {
				peers = append(peers, "nats-route://127.0.0.1:"+r)
			}
		}
		conf := fmt.Sprintf(`server_name: node-%d
listen: 127.0.0.1:%s
jetstream { store_dir: %q }
cluster { name: office, listen: 127.0.0.1:%s, routes: [%s] }
`, i, client[i], t.TempDir(), routes[i], strings.Join(peers, ", "))
		path := filepath.Join(t.TempDir(), "node.conf")
		if err := os.WriteFile(path, []byte(conf), 0o600); err != nil {
			t.Fatal(err)
		}
		n := &natsNode{url: "nats://127.0.0.1:" + client[i], cmd: exec.Command(debianNATS, "-c", path), done: make(chan struct{})}
		if err := n.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() { n.cmd.Wait(); close(n.done) }()
		t.Cleanup(n.kill)
		nodes[i] = n
	}
	for _, n := range nodes {
		waitTCP(t, strings.TrimPrefix(n.url, "nats://"))
	}
	return nodes
}

func (n *natsNode) kill() {
	n.cmd.Process.Kill()
	<-n.done
}

func waitTCP(t *testing.T, addr string) {
	t.Helper()
	for end := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return
		}
		if time.Now().After(end) {
			t.Fatalf("nats-server on %s did not start", addr)
		}
	}
}

func TestTeamDebianClusterNodeKilledMidBurst(t *testing.T) {
	if _, err := os.Stat(debianNATS); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s is missing (make deps-test installs it; CI always has it)", debianNATS)
		}
		t.Fatalf("%s is missing under CI: %v", debianNATS, err)
	}
	if testing.Short() {
		t.Skip("starts a 3-node NATS cluster and two whoiscalling processes")
	}
	nodes := debianCluster(t)
	rxDir, deskDir := t.TempDir(), t.TempDir()
	rxEnv := teamEnv(map[string]string{"NATS_URL": nodes[0].url, "NATS_REPLICAS": "3", "WEBHOOK_SERVER_PORT": freePort(t)})
	deskEnv := teamEnv(map[string]string{"NATS_URL": nodes[1].url + "," + nodes[2].url, "NATS_REPLICAS": "3",
		"WEBHOOK_SERVER_PORT": freePort(t)})
	receiver := startServe(t, "receiver", rxDir, rxEnv)
	startServe(t, "desk", deskDir, deskEnv)

	cs := teamCalls(0, 30)
	wanted := map[string]want{}
	for i, c := range cs {
		if n := c.post(t, receiver.base); n != len(c.bodies(t)) {
			t.Fatalf("the receiver did not acknowledge push %d of %s", n, c.id)
		}
		wanted = expect(wanted, cs[i:i+1])
		if i == 9 {
			waitForCalls(t, "desk before the node is killed", deskDir, wanted)
			t.Log("killing the node the receiver uses")
			nodes[0].kill()
		}
	}
	waitForCalls(t, "desk after the node was killed", deskDir, wanted)
}
