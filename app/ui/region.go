package ui

// SetRegion shows numbers for a new default country (the Settings window
// changed DEFAULT_REGION): national numbers of that country lose their
// country code, the others gain theirs.
func (w *CallsWindow) SetRegion(region string) {
	if region == w.region {
		return
	}
	w.region = region
	w.redraw()
}

// SetRegion shows and reads numbers for a new default country; a contact
// form opened from now on reads typed numbers for it.
func (w *ContactsView) SetRegion(region string) {
	if region == w.region {
		return
	}
	w.region = region
	w.reload()
}

// applyRegion hands the default country in effect to the open windows.
func (u *UI) applyRegion() {
	r := u.region()
	if u.callsWin != nil {
		u.callsWin.SetRegion(r)
	}
	if u.settingsWin != nil && u.settingsWin.contacts != nil {
		u.settingsWin.contacts.SetRegion(r)
	}
}
