namespace KentMedwayCommissioning.Bench.Seeding;

/// <summary>Words for the generated register: what commissioning bodies decide about, so full-text search has something real to find.</summary>
internal static class BenchText
{
    /// <summary>Searched for by the load client; each appears in about one item title in <see cref="Topics"/>.Length.</summary>
    public static IReadOnlyList<string> SearchTerms { get; } = ["stroke", "mental health", "urgent care", "procurement", "wheelchair", "estates strategy"];

    public static IReadOnlyList<string> Topics { get; } =
    [
        "hyper acute stroke services", "community mental health", "urgent care centres", "procurement of patient transport",
        "wheelchair services", "estates strategy", "primary care networks", "diabetes prevention", "elective orthopaedics",
        "children's speech and language therapy", "end of life care", "dementia diagnosis", "cancer screening uptake",
        "maternity continuity of carer", "winter resilience", "discharge to assess", "musculoskeletal pathway",
        "NHS 111 integration", "learning disability health checks", "ophthalmology referrals", "dermatology advice and guidance",
        "cardiology diagnostics", "respiratory rehabilitation", "falls prevention", "social prescribing",
        "digital first primary care", "GP extended access", "prescribing budget", "continuing healthcare", "safeguarding adults",
        "infection prevention", "pharmacy minor ailments", "dental access", "audiology", "podiatry", "sexual health services",
        "homeless health outreach", "carers support", "frailty hubs", "annual operating plan",
    ];

    public static IReadOnlyList<string> Actions { get; } =
    [
        "Approve the business case for {0}", "Award the contract for {0}", "Agree the commissioning intentions for {0}",
        "Endorse the consultation outcome on {0}", "Extend the current arrangements for {0}", "Adopt the joint strategy for {0}",
    ];

    public static IReadOnlyList<string> FirstNames { get; } =
    [
        "Amira", "Ben", "Catherine", "David", "Eleanor", "Farid", "Grace", "Harry", "Imogen", "James", "Kiran", "Laura",
        "Mohammed", "Nadia", "Oliver", "Priya", "Quentin", "Rachel", "Samuel", "Tara", "Usman", "Victoria", "William", "Yasmin",
    ];

    public static IReadOnlyList<string> LastNames { get; } =
    [
        "Adeyemi", "Baker", "Chaudhry", "Davies", "Evans", "Fletcher", "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lewis",
        "Morgan", "Nowak", "O'Brien", "Patel", "Quinn", "Roberts", "Singh", "Thomas", "Underwood", "Vaughan", "Walker", "Young",
    ];

    public static IReadOnlyList<string> Places { get; } =
    [
        "Leeds", "Bristol", "Norfolk", "Cumbria", "Devon", "Birmingham", "Sheffield", "Kent", "Surrey", "Lancashire",
        "Nottingham", "Cornwall", "Essex", "Durham", "Suffolk", "Leicester", "Derby", "Oxford", "Somerset", "Dorset",
    ];
}
