package sipgate

import (
	"context"
	"fmt"
	"net/url"
	"strings"
)

// User is a web user of the account (GET /users).
type User struct {
	ID            string   `json:"id"`
	Firstname     string   `json:"firstname"`
	Lastname      string   `json:"lastname"`
	Email         string   `json:"email"`
	DefaultDevice string   `json:"defaultDevice"`
	BusyOnBusy    bool     `json:"busyOnBusy"`
	AddressID     string   `json:"addressId"`
	DirectDialIDs []string `json:"directDialIds"`
	Timezone      string   `json:"timezone"`
	Admin         bool     `json:"admin"`
}

// Name is "Firstname Lastname", the form the push API's user[] uses.
func (u User) Name() string {
	return strings.TrimSpace(strings.TrimSpace(u.Firstname) + " " + strings.TrimSpace(u.Lastname))
}

// Users lists the account's users (scope users:read).
func (c *Client) Users(ctx context.Context) ([]User, error) {
	var r struct {
		Items []User `json:"items"`
	}
	err := c.do(ctx, request{ep: epUsers}, &r)
	return r.Items, err
}

// DeviceType is REGISTER (VoIP phone), MOBILE or EXTERNAL.
type DeviceType string

// The device types sipgate names.
const (
	DeviceRegister DeviceType = "REGISTER"
	DeviceMobile   DeviceType = "MOBILE"
	DeviceExternal DeviceType = "EXTERNAL"
)

// Device is a phone of a user (GET /{userId}/devices).
type Device struct {
	// ID is e.g. "e0" (VoIP), "x0" (external), "y0" (mobile): what
	// click-to-call's caller or deviceId takes.
	ID               string     `json:"id"`
	Alias            string     `json:"alias"`
	Type             DeviceType `json:"type"`
	Online           bool       `json:"online"`
	DND              bool       `json:"dnd"`
	ActivePhonelines []Ref      `json:"activePhonelines"`
	ActiveGroups     []Ref      `json:"activeGroups"`
}

// Ref names a phoneline or group.
type Ref struct {
	ID    string `json:"id"`
	Alias string `json:"alias"`
}

// Devices lists the devices of user userID, e.g. "w0" (scope
// devices:read).
func (c *Client) Devices(ctx context.Context, userID string) ([]Device, error) {
	if userID == "" || strings.ContainsAny(userID, "/?#") {
		return nil, fmt.Errorf("%w: user id %q is not a sipgate user id such as w0", ErrInvalidArgument, userID)
	}
	var r struct {
		Items []Device `json:"items"`
	}
	err := c.do(ctx, request{ep: epDevices, path: "/" + url.PathEscape(userID) + "/devices"}, &r)
	return r.Items, err
}
