package contacts

// Format is a kind of contacts file. Its values are stable keys (for
// `contacts import` output and translations); Name says it in English.
type Format string

// The formats Import detects and Export writes.
const (
	FormatVCard      Format = "vcard"       // cards of several versions
	FormatVCard21    Format = "vcard-2.1"   // Android phones, older Outlook
	FormatVCard30    Format = "vcard-3.0"   // Apple, Google, this app's export
	FormatVCard40    Format = "vcard-4.0"   // newer address books
	FormatCSV        Format = "csv"         // any CSV with a header row
	FormatGoogleCSV  Format = "google-csv"  // Google Contacts export
	FormatOutlookCSV Format = "outlook-csv" // Outlook export, English headers
	// FormatOutlookCSVDE is an Outlook export with German headers.
	FormatOutlookCSVDE Format = "outlook-csv-de"
	FormatFritzBox     Format = "fritzbox" // FRITZ!Box phone book (XML)
)

var formatNames = map[Format]string{
	FormatVCard: "vCard", FormatVCard21: "vCard 2.1", FormatVCard30: "vCard 3.0", FormatVCard40: "vCard 4.0",
	FormatCSV: "CSV", FormatGoogleCSV: "Google Contacts CSV", FormatOutlookCSV: "Outlook CSV",
	FormatOutlookCSVDE: "Outlook CSV (German)", FormatFritzBox: "FRITZ!Box phone book",
}

// Name is the format's name in English: "vCard 2.1", "FRITZ!Box phone
// book".
func (f Format) Name() string {
	if n, ok := formatNames[f]; ok {
		return n
	}
	return string(f)
}

// vcardFormat is the format of a file whose cards have these versions.
func vcardFormat(versions map[string]bool) Format {
	if len(versions) != 1 {
		return FormatVCard
	}
	for v := range versions {
		switch v {
		case "2.1":
			return FormatVCard21
		case "3.0":
			return FormatVCard30
		case "4.0":
			return FormatVCard40
		}
	}
	return FormatVCard
}
