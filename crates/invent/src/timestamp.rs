//! `Timestamp`: an RFC 3339 date-time that keeps the exact text it was read from.
//! The generator maps every `format: date-time` string of the spec to it.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, SecondsFormat, TimeZone, Utc};
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

impl std::error::Error for TimestampError {}

impl FromStr for Timestamp {
    type Err = TimestampError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        DateTime::parse_from_rfc3339(text)
            .map(|instant| Timestamp {
                text: text.to_owned(),
                instant,
            })
            .map_err(|e| TimestampError {
                text: text.to_owned(),
                reason: e.to_string(),
            })
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

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
