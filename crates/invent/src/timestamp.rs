//! `Timestamp`: an RFC 3339 date-time that keeps the exact text it was read from.
//! The generator maps every `format: date-time` string of the spec to it.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, SecondsFormat, TimeZone, Utc};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point in time, as the API wrote it.
///
/// Serializing writes back the original text (`2023-11-07T05:31:56.000Z` stays as it is),
/// so a round trip changes nothing. Equality, ordering and hashing compare the instant:
/// `…56.000Z` and `…56Z` are equal.
///
/// ```
/// use invent::Timestamp;
/// let t: Timestamp = "2023-11-07T05:31:56.000Z".parse().unwrap();
/// assert_eq!(t.as_str(), "2023-11-07T05:31:56.000Z");
/// assert_eq!(t, "2023-11-07T05:31:56Z".parse().unwrap());
/// assert!("yesterday".parse::<Timestamp>().is_err());
/// ```
#[derive(Clone)]
pub struct Timestamp {
    text: String,
    instant: DateTime<FixedOffset>,
}

impl Timestamp {
    /// The text this timestamp was read from (or made as, for one built from a `DateTime`).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The instant, with the offset the text gave.
    pub fn to_fixed_offset(&self) -> DateTime<FixedOffset> {
        self.instant
    }

    /// The instant in UTC.
    pub fn to_utc(&self) -> DateTime<Utc> {
        self.instant.with_timezone(&Utc)
    }
}

/// Why a string is not an RFC 3339 date-time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimestampError {
    text: String,
    reason: String,
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not an RFC 3339 date-time: {}",
            self.text, self.reason
        )
    }
}

impl TimestampError {
    fn new(text: String, reason: chrono::ParseError) -> Self {
        TimestampError {
            text,
            reason: reason.to_string(),
        }
    }
}

impl std::error::Error for TimestampError {}

impl FromStr for Timestamp {
    type Err = TimestampError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match DateTime::parse_from_rfc3339(text) {
            Ok(instant) => Ok(Timestamp {
                text: text.to_owned(),
                instant,
            }),
            Err(e) => Err(TimestampError::new(text.to_owned(), e)),
        }
    }
}

impl Timestamp {
    /// Like `str::parse`, keeping `text` itself (no copy) when it is a date-time.
    fn from_owned(text: String) -> Result<Self, TimestampError> {
        match DateTime::parse_from_rfc3339(&text) {
            Ok(instant) => Ok(Timestamp { text, instant }),
            Err(e) => Err(TimestampError::new(text, e)),
        }
    }
}

impl<Tz: TimeZone> From<DateTime<Tz>> for Timestamp
where
    Tz::Offset: fmt::Display,
{
    fn from(value: DateTime<Tz>) -> Self {
        let instant = value.fixed_offset();
        let text = instant.to_rfc3339_opts(SecondsFormat::AutoSi, true);
        Timestamp { text, instant }
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.instant == other.instant
    }
}

impl Eq for Timestamp {}

impl Hash for Timestamp {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.instant.hash(state);
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.instant.cmp(&other.instant)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

/// Reads the text in place: one allocation (the kept copy) per timestamp, none for a text
/// the deserializer already owns. A text that is no date-time is refused once the string is
/// read, as when it was read as a `String` first (so an error names the same position).
impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl Visitor<'_> for TextVisitor {
            type Value = Result<Timestamp, TimestampError>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                Ok(text.parse())
            }

            fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
                Ok(Timestamp::from_owned(text))
            }

            fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Self::Value, E> {
                match std::str::from_utf8(bytes) {
                    Ok(text) => self.visit_str(text),
                    Err(_) => Err(E::invalid_value(de::Unexpected::Bytes(bytes), &self)),
                }
            }
        }

        deserializer
            .deserialize_string(TextVisitor)?
            .map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::Timestamp;

    #[test]
    fn a_timestamp_reads_from_json_with_its_exact_text() {
        let t: Timestamp = serde_json::from_str(r#""2023-11-07T05:31:56.000Z""#).unwrap();
        assert_eq!(t.as_str(), "2023-11-07T05:31:56.000Z");
        assert_eq!(t, "2023-11-07T05:31:56Z".parse().unwrap());
        // An escape makes serde_json hand over a text of its own (`visit_str`, not borrowed).
        let escaped: Timestamp = serde_json::from_str(r#""2023-11-07T05:31:56\u002e5Z""#).unwrap();
        assert_eq!(escaped.as_str(), "2023-11-07T05:31:56.5Z");
        // An owned text (`visit_string`) is kept as it is.
        let owned = serde_json::Value::String("2023-11-07T05:31:56+01:00".into());
        let owned: Timestamp = serde_json::from_value(owned).unwrap();
        assert_eq!(owned.as_str(), "2023-11-07T05:31:56+01:00");
        assert_eq!(owned.to_fixed_offset().offset().local_minus_utc(), 3600);
    }

    /// The former impl: a `String` first, then parsed.
    struct Before(Timestamp);

    impl<'de> serde::Deserialize<'de> for Before {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let text = String::deserialize(deserializer)?;
            text.parse().map(Before).map_err(serde::de::Error::custom)
        }
    }

    #[test]
    fn a_timestamp_reads_and_refuses_as_before() {
        use std::collections::BTreeMap;
        let jsons = [
            r#""2023-11-07T05:31:56Z""#,
            r#""yesterday""#,
            r#""2023-11-07T05:31:60Z""#,
            "3",
            "null",
            r#"["2023-11-07T05:31:56Z"]"#,
        ];
        for json in jsons {
            // As a property (where every generated type reads it): the same value or error.
            let object = format!(r#"{{"at": {json}}}"#);
            let ours = serde_json::from_str::<BTreeMap<String, Timestamp>>(&object);
            let before = serde_json::from_str::<BTreeMap<String, Before>>(&object);
            assert_eq!(
                ours.map(|m| m["at"].clone()).map_err(|e| e.to_string()),
                before.map(|m| m["at"].0.clone()).map_err(|e| e.to_string()),
                "{json}"
            );
            // From a `Value` (owned text): the same value or error.
            let value = serde_json::from_str::<serde_json::Value>(json).unwrap();
            let ours = serde_json::from_value::<Timestamp>(value.clone());
            let before = serde_json::from_value::<Before>(value);
            assert_eq!(
                ours.map_err(|e| e.to_string()),
                before.map(|b| b.0).map_err(|e| e.to_string()),
                "{json}"
            );
            // Alone.
            let ours = serde_json::from_str::<Timestamp>(json);
            let before = serde_json::from_str::<Before>(json);
            assert_eq!(
                ours.map_err(|e| e.to_string()),
                before.map(|b| b.0).map_err(|e| e.to_string()),
                "{json}"
            );
        }
    }
}
