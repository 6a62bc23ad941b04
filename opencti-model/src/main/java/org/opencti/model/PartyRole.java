package org.opencti.model;

/** Who a party on a call is. */
public enum PartyRole { Customer, Agent, Supervisor, ThirdParty }
