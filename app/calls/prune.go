package calls

// pruneChunkSize bounds one prune transaction, so a write that arrives
// meanwhile waits for at most one small delete.
const pruneChunkSize = 256

// pruneDue reports whether calls older than the newest Keep are left.
// Ids are handed out in order and never reused, so "older than the
// newest Keep" is "id at most maxID-Keep".
func (w *writer) pruneDue() bool {
	keep := int64(w.t.opt.Keep)
	return keep > 0 && w.maxID-keep > w.pruned
}

// pruneChunk deletes up to pruneChunkSize of the oldest calls past Keep.
// The writer only runs it while no write is waiting.
func (w *writer) pruneChunk() {
	floor := w.maxID - int64(w.t.opt.Keep)
	res, err := w.t.st.W.Exec(`DELETE FROM calls WHERE id IN
		(SELECT id FROM calls WHERE id <= ? ORDER BY id LIMIT ?)`, floor, pruneChunkSize)
	if err != nil {
		w.t.log.Error("pruning the call history failed", "err", err)
		w.pruned = floor // try again once more calls came in
		return
	}
	if n, _ := res.RowsAffected(); n < pruneChunkSize {
		w.pruned = floor
	}
}

// pruneAll finishes pruning at Close.
func (w *writer) pruneAll() {
	for w.pruneDue() {
		w.pruneChunk()
	}
}
