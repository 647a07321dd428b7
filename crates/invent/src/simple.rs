//! `Simple<T>` and `SimpleExploded<T>`: a list or object in a path or header parameter, sent
//! `style: simple` (`a,b,c`; an object `k,v,k,v`, or exploded `k=v,k=v`).

use std::fmt;

/// A path or header parameter's list or object, sent comma-separated (OpenAPI's `style:
/// simple`, `explode: false`): a list as `a,b,c`, an object as `key,value,key,value`. In a
/// path each item is percent-encoded and the commas are not. A builder method for such a
/// parameter takes the list or object itself, which converts; the command line takes its JSON
/// text (`'["a","b"]'`).
#[derive(Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Simple<T>(pub T);

/// A path or header parameter's object sent `style: simple`, `explode: true`: as
/// `key=value,key=value` (a list is sent as [`Simple`] sends it, `a,b,c`).
#[derive(Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct SimpleExploded<T>(pub T);

macro_rules! simple_value {
    ($name:ident, $exploded:literal) => {
        impl<T> $name<T> {
            /// The list or object.
            pub fn into_inner(self) -> T {
                self.0
            }
        }

        impl<T> From<T> for $name<T> {
            fn from(value: T) -> Self {
                $name(value)
            }
        }

        impl<T> std::ops::Deref for $name<T> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.0
            }
        }

        impl<T: fmt::Debug> fmt::Debug for $name<T> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        /// The text a header sends: items (or keys and values) as they are, comma-separated.
        impl<T: serde::Serialize> fmt::Display for $name<T> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&crate::support::simple_text(&self.0, $exploded, |text| {
                    std::borrow::Cow::Borrowed(text)
                }))
            }
        }

        /// Reads the value's JSON text (what the command line takes for such a parameter).
        impl<T: serde::de::DeserializeOwned> std::str::FromStr for $name<T> {
            type Err = serde_json::Error;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                serde_json::from_str(text).map($name)
            }
        }

        impl<T: serde::Serialize> crate::support::SimpleStyle for $name<T> {
            fn path_segment(&self) -> String {
                crate::support::simple_text(&self.0, $exploded, |text| {
                    std::borrow::Cow::Owned(crate::support::encode_path(text))
                })
            }
        }
    };
}

simple_value!(Simple, false);
simple_value!(SimpleExploded, true);

#[cfg(test)]
mod tests {
    use super::{Simple, SimpleExploded};
    use crate::support::simple_path;
    use serde_json::json;

    #[test]
    fn a_list_is_its_items_comma_separated_each_encoded_in_a_path() {
        let ids = Simple(vec!["a b".to_string(), "c,d".into(), "e".into()]);
        assert_eq!(ids.to_string(), "a b,c,d,e");
        assert_eq!(simple_path(&ids), "a%20b,c%2Cd,e");
        assert_eq!(Simple(vec![1.50, 2.0]).to_string(), "1.5,2.0");
        assert_eq!(Simple(Vec::<String>::new()).to_string(), "");
    }

    #[test]
    fn an_object_is_keys_and_values_or_pairs_when_exploded() {
        let object = json!({"role": "admin", "first name": "Alex", "gone": null, "n": 5});
        assert_eq!(
            Simple(object.clone()).to_string(),
            "role,admin,first name,Alex,n,5"
        );
        assert_eq!(
            SimpleExploded(object.clone()).to_string(),
            "role=admin,first name=Alex,n=5"
        );
        assert_eq!(
            simple_path(&SimpleExploded(object)),
            "role=admin,first%20name=Alex,n=5"
        );
        assert_eq!(SimpleExploded(vec!["x", "y"]).to_string(), "x,y");
    }

    #[test]
    fn the_command_line_gives_the_json_text() {
        let ids: Simple<Vec<i64>> = "[1, 2]".parse().unwrap();
        assert_eq!(ids.0, vec![1, 2]);
        assert!("1,2".parse::<Simple<Vec<i64>>>().is_err());
    }
}
