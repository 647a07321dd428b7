//! Behaviour of distributed-unions.yaml: a union beside shared properties is a union of
//! variants that each hold the shared properties, read by tag or by shape, and kept whole.

use invent::types::{Event, Figure, Pet, SendNotificationBody};

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn each_variant_holds_the_shared_properties() {
    let pet: Pet = serde_json::from_str(r#"{"name":"Tom","pet_type":"cat","indoor":true}"#).unwrap();
    let Pet::Cat(cat) = &pet else {
        panic!("read as {pet:?}")
    };
    assert_eq!((cat.name.as_str(), cat.indoor), ("Tom", Some(true)));
    let dog: Pet = serde_json::from_str(r#"{"name":"Rex","pet_type":"dog","good":true}"#).unwrap();
    let Pet::Dog(dog) = &dog else {
        panic!("read as {dog:?}")
    };
    assert_eq!((dog.name.as_str(), dog.good), ("Rex", Some(true)));
}

#[test]
fn every_mapped_tag_value_selects_its_variant() {
    let kitten: Pet = serde_json::from_str(r#"{"name":"Kit","pet_type":"kitten"}"#).unwrap();
    assert!(matches!(kitten, Pet::Cat(_)), "{kitten:?}");
    // Without a mapping, a variant's value is its component's name (OpenAPI's implicit one).
    let circle: Figure = serde_json::from_str(r#"{"kind":"Circle","radius":2.5}"#).unwrap();
    let Figure::Circle(circle) = &circle else {
        panic!("read as {circle:?}")
    };
    assert_eq!(circle.radius, Some(2.5));
    let square: Figure = serde_json::from_str(r#"{"kind":"Square","side":1}"#).unwrap();
    assert!(matches!(square, Figure::Square(_)), "{square:?}");
}

#[test]
fn variants_without_a_tag_are_read_by_their_required_properties() {
    let text = r#"{"id":"n1","phone":"+1555","urgent":true}"#;
    let body: SendNotificationBody = serde_json::from_str(text).unwrap();
    let SendNotificationBody::Text(sms) = &body else {
        panic!("read as {body:?}")
    };
    assert_eq!((sms.id.as_str(), sms.phone.as_str()), ("n1", "+1555"));
    let email: SendNotificationBody =
        serde_json::from_str(r#"{"id":"n2","address":"a@example.com"}"#).unwrap();
    assert!(matches!(email, SendNotificationBody::Email(_)), "{email:?}");
}

#[test]
fn unknown_kinds_and_properties_round_trip() {
    for text in [
        r#"{"name":"Polly","pet_type":"parrot","talks":true}"#,
        r#"{"name":"Tom","pet_type":"cat","whiskers":12}"#,
        r#"{"kind":"Hexagon","label":"h"}"#,
    ] {
        let written = match text.contains("kind") {
            true => serde_json::to_value(serde_json::from_str::<Figure>(text).unwrap()),
            false => serde_json::to_value(serde_json::from_str::<Pet>(text).unwrap()),
        };
        assert_eq!(written.unwrap(), json(text), "{text}");
    }
    let parrot: Pet = serde_json::from_str(r#"{"name":"Polly","pet_type":"parrot"}"#).unwrap();
    assert!(matches!(parrot, Pet::Unknown(_)), "{parrot:?}");
}

#[test]
fn variants_sharing_a_tag_are_told_apart_by_their_required_properties() {
    let edited: Event =
        serde_json::from_str(r#"{"type":"message","text":"hi","edited_at":"now"}"#).unwrap();
    assert!(matches!(edited, Event::EditedMessage(_)), "{edited:?}");
    let plain: Event = serde_json::from_str(r#"{"type":"message","text":"hi"}"#).unwrap();
    assert!(matches!(plain, Event::Message(_)), "{plain:?}");
    assert!(matches!(
        serde_json::from_str::<Event>(r#"{"type":"ping"}"#).unwrap(),
        Event::Ping(_)
    ));
    // A value with the tag that no variant of it reads is refused, naming what is missing.
    let error = serde_json::from_str::<Event>(r#"{"type":"message"}"#).unwrap_err();
    assert!(error.to_string().contains("text"), "{error}");
    let text = r#"{"type":"message","text":"hi","edited_at":"now","pinned":true}"#;
    let written = serde_json::to_value(serde_json::from_str::<Event>(text).unwrap()).unwrap();
    assert_eq!(written, json(text));
}

#[test]
fn a_reference_to_a_union_beside_type_object_is_that_union() {
    let adoption: invent::types::GetAdoptionResponse =
        serde_json::from_str(r#"{"pet":{"pet_type":"dog","good":true}}"#).unwrap();
    assert!(matches!(adoption.pet, Some(invent::types::PetKind::Dog(_))), "{adoption:?}");
}
