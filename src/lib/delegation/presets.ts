/** A level on a delegation spectrum: from 0 (you do it, you tell) to 1 (fully theirs). */
export type SpectrumLevel = { label: string; meaning: string; autonomy: number };

export type SpectrumPreset = { key: "m30" | "situational"; name: string; levels: SpectrumLevel[] };

/** Management 3.0's seven levels of delegation: the default. */
export const MANAGEMENT_30: SpectrumPreset = {
  key: "m30",
  name: "Management 3.0 (seven levels)",
  levels: [
    { label: "Tell", meaning: "I decide and tell them.", autonomy: 0 },
    { label: "Sell", meaning: "I decide and convince them why.", autonomy: 1 / 6 },
    { label: "Consult", meaning: "I ask for their input, then I decide.", autonomy: 2 / 6 },
    { label: "Agree", meaning: "We decide together.", autonomy: 3 / 6 },
    { label: "Advise", meaning: "I give my advice; they decide.", autonomy: 4 / 6 },
    { label: "Inquire", meaning: "They decide, then tell me.", autonomy: 5 / 6 },
    { label: "Delegate", meaning: "It is theirs: I need not know.", autonomy: 1 },
  ],
};

/** Situational Leadership's four styles. */
export const SITUATIONAL: SpectrumPreset = {
  key: "situational",
  name: "Situational Leadership (four styles)",
  levels: [
    { label: "Directing", meaning: "I give specific direction and supervise closely.", autonomy: 0 },
    { label: "Coaching", meaning: "I direct and explain, and ask for their ideas.", autonomy: 1 / 3 },
    { label: "Supporting", meaning: "They lead; I facilitate and support.", autonomy: 2 / 3 },
    { label: "Delegating", meaning: "They own decisions and delivery.", autonomy: 1 },
  ],
};

export const PRESETS = [MANAGEMENT_30, SITUATIONAL];
