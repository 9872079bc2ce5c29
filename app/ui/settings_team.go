package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/service"
)

// Teamer tells the state of team mode. *service.Service satisfies it.
type Teamer interface {
	Team() service.TeamStatus
}

// teamTab holds the team mode settings and its state.
func teamTab(w *SettingsWindow) *container.TabItem {
	tm, ok := w.backend().(Teamer)
	if !ok {
		return nil
	}
	state := hintLabel()
	showTeamState(state, tm.Team())
	note := hintLabel()
	setHint(note, i18n.T("The token (NATS_TOKEN) is a secret: put it in .env. A small office runs one whoiscalling with \"Run a NATS server\"; the other desks connect to it."), widget.MediumImportance)
	return w.fieldsTab(i18n.T("Team"), theme.HomeIcon(), []settingSpec{
		{key: config.KeyNATSURL, title: i18n.T("NATS servers")},
		{key: config.KeyNATSListen, title: i18n.T("Run a NATS server on")},
		{key: config.KeyTeamName, title: i18n.T("Team name")},
		{key: config.KeyNATSCreds, title: i18n.T("Credentials file")},
		{key: config.KeyNATSMQTTListen, title: i18n.T("MQTT on")}},
		container.NewVBox(heading(i18n.T("Now")), state, note))
}

// showTeamState words the team's state.
func showTeamState(h *hint, st service.TeamStatus) {
	switch {
	case !st.On:
		setHint(h, i18n.T("Off: this desk works alone."), widget.MediumImportance)
	case st.Problem() != nil:
		setHint(h, capitalise(i18n.Error(st.Problem())), widget.DangerImportance)
	default:
		setHint(h, TeamLine(st), widget.SuccessImportance)
	}
}

// TeamLine is the team's part of the status line: "team office:
// receiver srv-01 online, last webhook 2 min ago".
func TeamLine(st service.TeamStatus) string {
	if !st.On {
		return ""
	}
	if err := st.Problem(); err != nil {
		return i18n.T("team: {{.Err}}", map[string]any{"Err": i18n.Clean(i18n.Error(err))})
	}
	var hosts []string
	var last *time.Time
	for _, r := range st.Receivers {
		hosts = append(hosts, i18n.Clean(r.Host))
		if r.LastWebhook != nil && (last == nil || r.LastWebhook.After(*last)) {
			last = r.LastWebhook
		}
	}
	if len(hosts) == 0 {
		if st.NoReceiverSince != nil {
			return i18n.T("team {{.Team}}: no receiver online since {{.Time}}", map[string]any{"Team": st.Team, "Time": st.NoReceiverSince.Local().Format("15:04")})
		}
		return i18n.T("team {{.Team}}: no receiver online", map[string]any{"Team": st.Team})
	}
	line := i18n.T("team {{.Team}}: receiver {{.Hosts}} online", map[string]any{"Team": st.Team, "Hosts": strings.Join(hosts, ", ")})
	if last != nil {
		line += ", " + i18n.T("last webhook {{.Ago}}", map[string]any{"Ago": i18n.Ago(*last, time.Now())})
	}
	return line
}
