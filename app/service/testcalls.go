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

// RemoveTestCalls removes every test call from the history and says how
// many there were.
func (s *Service) RemoveTestCalls(ctx context.Context) (int, error) {
	n := 0
	var before int64
	for {
		list, err := s.Tracker.Recent(ctx, calls.Query{Limit: 500, Search: TestCaller, Before: before})
		if err != nil || len(list) == 0 {
			return n, err
		}
		for _, c := range list {
			if !IsTestCall(c) {
				continue
			}
			if err := s.Tracker.Remove(ctx, c.ID); err != nil {
				return n, err
			}
			n++
		}
		before = list[len(list)-1].ID
	}
}
