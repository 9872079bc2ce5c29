package service

import (
	"context"
	"slices"
	"strings"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// IsTestCall reports whether c is a test call (sent by test-call or Send
// test call): from TestCaller, ringing TestUser.
func IsTestCall(c calls.Call) bool {
	return strings.TrimPrefix(c.From, "+") == TestCaller && slices.Contains(c.Users, TestUser)
}

// CallRemover is the part of the history RemoveTestCalls uses;
// *calls.Tracker is one.
type CallRemover interface {
	Recent(ctx context.Context, q calls.Query) ([]calls.Call, error)
	Remove(ctx context.Context, id int64) error
}

// RemoveTestCalls removes every test call from the history h and says how
// many there were.
func RemoveTestCalls(ctx context.Context, h CallRemover) (int, error) {
	n := 0
	var before int64
	for {
		list, err := h.Recent(ctx, calls.Query{Limit: 500, Search: TestCaller, Before: before})
		if err != nil || len(list) == 0 {
			return n, err
		}
		for _, c := range list {
			if !IsTestCall(c) {
				continue
			}
			if err := h.Remove(ctx, c.ID); err != nil {
				return n, err
			}
			n++
		}
		before = list[len(list)-1].ID
	}
}
