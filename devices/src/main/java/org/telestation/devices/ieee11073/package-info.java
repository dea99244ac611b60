/**
 * IEEE 11073-20601 number formats used by Bluetooth health profiles: SFLOAT (16-bit) and FLOAT (32-bit), with their
 * special values kept distinct. The exponent is plain two's complement (no bias): see standards.md §0.1 and §1.3.
 */
package org.telestation.devices.ieee11073;
