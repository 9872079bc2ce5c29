package team

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// mqttPacket frames an MQTT 3.1.1 control packet.
func mqttPacket(kind byte, body []byte) []byte {
	out := []byte{kind}
	n := len(body)
	for {
		b := byte(n % 128)
		if n /= 128; n > 0 {
			b |= 0x80
		}
		out = append(out, b)
		if n == 0 {
			break
		}
	}
	return append(out, body...)
}

func mqttString(s string) []byte {
	return append(binary.BigEndian.AppendUint16(nil, uint16(len(s))), s...)
}

// readPacket reads one MQTT packet: its type nibble and body.
func readPacket(r *bufio.Reader) (byte, []byte, error) {
	kind, err := r.ReadByte()
	if err != nil {
		return 0, nil, err
	}
	n, shift := 0, 0
	for {
		b, err := r.ReadByte()
		if err != nil {
			return 0, nil, err
		}
		n |= int(b&0x7f) << shift
		if shift += 7; b&0x80 == 0 {
			break
		}
	}
	body := make([]byte, n)
	_, err = io.ReadFull(r, body)
	return kind >> 4, body, err
}

func TestMQTTClientsSeeTheCalls(t *testing.T) {
	port := freePort(t)
	fake := newFake()
	rx := desk(t, Config{Listen: "127.0.0.1:0", MQTTListen: fmt.Sprintf("127.0.0.1:%d", port), Team: "office"},
		t.TempDir(), fake, func(o *Options) { o.Receiver = true })
	ready(t, rx)

	conn, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(deadline))
	r := bufio.NewReader(conn)
	connect := append(append(mqttString("MQTT"), 4, 0x02, 0, 30), mqttString("home-assistant")...)
	conn.Write(mqttPacket(0x10, connect))
	if kind, body, err := readPacket(r); err != nil || kind != 2 || len(body) != 2 || body[1] != 0 {
		t.Fatalf("CONNACK: type %d body %v err %v, want type 2 return code 0", kind, body, err)
	}
	sub := append(append([]byte{0, 1}, mqttString("whoiscalling/office/calls/#")...), 0)
	conn.Write(mqttPacket(0x82, sub))
	if kind, body, err := readPacket(r); err != nil || kind != 9 || len(body) != 3 || body[2] != 0 {
		t.Fatalf("SUBACK: type %d body %v err %v, want type 9 granting QoS 0", kind, body, err)
	}

	fake.webhook("mqtt-call.1", calls.StatusRinging)
	kind, body, err := readPacket(r)
	if err != nil || kind != 3 || len(body) < 2 {
		t.Fatalf("PUBLISH: type %d err %v, want type 3", kind, err)
	}
	n := int(binary.BigEndian.Uint16(body))
	topic, payload := string(body[2:2+n]), string(body[2+n:])
	if topic != "whoiscalling/office/calls/mqtt-call=2E1" || !strings.Contains(payload, `"status":"ringing"`) {
		t.Errorf("PUBLISH topic %q payload %s, want the call's state on its topic", topic, payload)
	}
}
