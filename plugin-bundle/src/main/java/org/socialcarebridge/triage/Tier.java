package org.socialcarebridge.triage;

/**
 * The Social Priority tier. P1 is Conversocial's first tier (a direct question, dissatisfaction, an
 * urgent need, an escalating crisis), P2 the second (general and positive mentions), P3 the rest.
 */
public enum Tier {
    P1, P2, P3
}
