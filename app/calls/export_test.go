package calls

// Batches is how many group commits t's writer has made.
func Batches(t *Tracker) int64 { return t.batches.Load() }
