package team

import (
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// cluster runs three JetStream servers routed on loopback.
func cluster(t *testing.T) []*server.Server {
	t.Helper()
	routes := make([]int, 3)
	var urls []*url.URL
	for i := range routes {
		routes[i] = freePort(t)
		urls = append(urls, &url.URL{Scheme: "nats-route", Host: fmt.Sprintf("127.0.0.1:%d", routes[i])})
	}
	nodes := make([]*server.Server, 3)
	for i := range nodes {
		nodes[i] = natsServer(t, -1, func(o *server.Options) {
			o.ServerName = fmt.Sprintf("node-%d", i)
			o.Cluster = server.ClusterOpts{Name: "office", Host: "127.0.0.1", Port: routes[i]}
			o.Routes = urls
		})
	}
	waitFor(t, "the cluster to elect a JetStream leader", func() bool {
		for _, n := range nodes {
			if n.JetStreamIsLeader() {
				return true
			}
		}
		return false
	})
	return nodes
}

func TestClusterNodeKilledMidBurstLosesNoCall(t *testing.T) {
	if testing.Short() {
		t.Skip("a 3-node cluster takes a while")
	}
	nodes := cluster(t)
	cfg := func(s *server.Server) Config {
		return Config{URLs: []string{s.ClientURL()}, Team: "office", Replicas: 3}
	}
	pubFake, subFake := newFake(), newFake()
	pub := desk(t, cfg(nodes[0]), t.TempDir(), pubFake, func(o *Options) { o.Receiver = true })
	desk(t, cfg(nodes[2]), t.TempDir(), subFake)
	ready(t, pub)

	const n = 60
	for i := range n {
		pubFake.webhook(fmt.Sprintf("burst-%02d", i), calls.StatusMissed)
		if i == n/3 {
			waitFor(t, "the first calls to arrive", func() bool { return subFake.count() >= 10 })
			nodes[0].Shutdown()
		}
		time.Sleep(5 * time.Millisecond)
	}
	waitFor(t, "every call on the other desk", func() bool { return subFake.count() == n })
	for i := range n {
		key := fmt.Sprintf("burst-%02d", i)
		if got := subFake.appliedTimes(key); got != 1 {
			t.Errorf("%s applied %d times, want once", key, got)
		}
	}
}
