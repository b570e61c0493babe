// Package pbwalk visits the populated fields of a protobuf message in a
// fixed order.
//
// protoreflect.Message.Range visits fields in an order that protobuf-go
// deliberately varies between builds (a race build and a plain build differ),
// so any decision or message that depends on which field Range shows first
// changes with the binary. Code in this module walks parse trees with Fields
// instead, which follows the message descriptor's declaration order.
//
// Invariant: for a given message value, Fields always calls fn with the same
// fields in the same order, whatever the build.
package pbwalk

import "google.golang.org/protobuf/reflect/protoreflect"

// Fields calls fn for every populated field of m in descriptor order, until
// fn returns false. "Populated" is Range's notion: m.Has(fd).
func Fields(m protoreflect.Message, fn func(protoreflect.FieldDescriptor, protoreflect.Value) bool) {
	fields := m.Descriptor().Fields()
	for i := 0; i < fields.Len(); i++ {
		fd := fields.Get(i)
		if !m.Has(fd) {
			continue
		}
		if !fn(fd, m.Get(fd)) {
			return
		}
	}
}
