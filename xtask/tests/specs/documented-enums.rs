//! Behaviour of documented-enums.yaml: unions of values are one open enum (or a number), read
//! and written as the values they are; a value the spec does not list is kept as it came.

use invent::types::{State, Ticket, TicketChannel};

#[test]
fn a_union_of_consts_is_one_open_enum() {
    let ticket: Ticket =
        serde_json::from_str(r#"{"state":"in_review","priority":2,"channel":"phone"}"#).unwrap();
    assert_eq!(ticket.state, State::InReview);
    assert_eq!(ticket.priority, Some(2));
    assert_eq!(ticket.channel, Some(TicketChannel::Phone));
    assert_eq!(State::KNOWN, &[State::Open, State::Closed, State::InReview]);
    assert_eq!(TicketChannel::KNOWN.len(), 3);
}

#[test]
fn a_value_the_spec_does_not_list_round_trips() {
    let text = r#"{"state":"escalated","priority":3,"channel":"fax"}"#;
    let ticket: Ticket = serde_json::from_str(text).unwrap();
    assert!(ticket.state.is_unknown());
    let written: serde_json::Value = serde_json::to_value(&ticket).unwrap();
    assert_eq!(written, serde_json::from_str::<serde_json::Value>(text).unwrap());
}
