package org.telestation.station;
