package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/i18n"
	"github.com/whoiscalling/whoiscalling/app/service"
	"github.com/whoiscalling/whoiscalling/app/tunnel"
)

// Reacher tells how sipgate reaches this app: the tunnel and the
// watchdog. *service.Service satisfies it.
type Reacher interface {
	Reach() service.Reach
	CheckReach(ctx context.Context) tunnel.Health
}

// Noticer raises notices about the app itself. *service.Service
// satisfies it.
type Noticer interface {
	OnNotice(fn func(service.Notice))
}

// internetTab is the tunnel switch and what the watchdog found.
func internetTab(w *SettingsWindow) *container.TabItem {
	r, ok := w.backend().(Reacher)
	if !ok {
		return nil
	}
	state, health := hintLabel(), hintLabel()
	show := func(rc service.Reach) {
		if rc.Mode == config.TunnelOff || rc.Mode == "" {
			if rc.URL == "" {
				setHint(state, i18n.T("Off: sipgate reaches this computer only through a tunnel you run yourself (enter its URL as Public URL)."), widget.MediumImportance)
			} else {
				setHint(state, i18n.T("Off: sipgate posts to {{.URL}}, your own tunnel.", map[string]any{"URL": i18n.Clean(rc.URL)}), widget.MediumImportance)
			}
		} else {
			imp := widget.MediumImportance
			switch rc.State.(type) {
			case tunnel.Up:
				imp = widget.SuccessImportance
			case tunnel.Down, tunnel.Failed, tunnel.HostKeyChanged:
				imp = widget.DangerImportance
			}
			setHint(state, capitalise(i18n.TunnelState(rc.State)), imp)
		}
		switch {
		case !rc.Checked:
			setHint(health, i18n.T("Not checked yet."), widget.MediumImportance)
		case rc.Health.OK():
			setHint(health, i18n.HealthTitle(rc.Health)+" ("+i18n.T("checked")+")", widget.SuccessImportance)
		default:
			setHint(health, i18n.HealthTitle(rc.Health)+". "+i18n.HealthAdvice(rc.Health), widget.WarningImportance)
		}
	}
	var check *widget.Button
	check = widget.NewButtonWithIcon(i18n.T("Check now"), theme.ViewRefreshIcon(), func() {
		check.Disable()
		setHint(health, i18n.T("Sending a probe through the public URL…"), widget.MediumImportance)
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			r.CheckReach(ctx)
			cancel()
			w.do(func() { check.Enable(); show(r.Reach()) })
		}()
	})
	show(r.Reach())
	status := container.NewVBox(heading(i18n.T("Now")), state, health, container.NewHBox(check))
	return w.fieldsTab(i18n.T("Internet"), theme.GridIcon(), []settingSpec{
		{key: config.KeyTunnel, title: i18n.T("Reach this computer from the internet"), choices: []choice{
			{config.TunnelOff, i18n.T("Off (my own tunnel, or none)")},
			{config.TunnelLocalhostRun, i18n.T("Through localhost.run")},
			{config.TunnelCloudflared, i18n.T("Through cloudflared (when installed)")}}},
		{key: config.KeyTunnelSSHHost, title: i18n.T("localhost.run server")}}, status)
}
