package team

// withDefaults fills the zero team name, age and replica count.
func (c Config) withDefaults() Config {
	if c.Team == "" {
		c.Team = DefaultTeam
	}
	if c.MaxAge == 0 {
		c.MaxAge = DefaultMaxAge
	}
	if c.Replicas == 0 {
		c.Replicas = DefaultReplicas
	}
	return c
}

// Check reports the first bad value or combination in c as a
// *ConfigError; zero fields count as their defaults.
func (c Config) Check() error {
	c = c.withDefaults()
	bad := func(key, v string, err error) error { return &ConfigError{Key: key, Value: v, Err: err} }
	switch {
	case !teamName.MatchString(c.Team):
		return bad(KeyTeam, c.Team, ErrTeamName)
	case c.Replicas < 1 || c.Replicas > 5:
		return bad(KeyReplicas, "", ErrReplicas)
	case c.MaxAge < 0:
		return bad(KeyMaxAge, c.MaxAge.String(), ErrMaxAge)
	case c.Listen != "" && len(c.URLs) > 0:
		return bad(KeyListen, c.Listen, ErrListenAndURL)
	case c.Token != "" && c.CredsFile != "":
		return bad(KeyCreds, c.CredsFile, ErrTokenAndCreds)
	case c.MQTTListen != "" && c.Listen == "":
		return bad(KeyMQTTListen, c.MQTTListen, ErrMQTTNeedsListen)
	}
	for _, l := range []struct{ key, addr string }{{KeyListen, c.Listen}, {KeyMQTTListen, c.MQTTListen}} {
		if l.addr != "" && !loopback(l.addr) && c.Token == "" {
			return bad(l.key, l.addr, ErrInsecureListen)
		}
	}
	return nil
}
