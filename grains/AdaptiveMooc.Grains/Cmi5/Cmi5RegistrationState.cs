namespace AdaptiveMooc.Grains.Cmi5;

/// <summary>The registration of one AU for one learner: its results across sessions and the current session only.</summary>
[GenerateSerializer]
[Alias("mooc.cmi5.registration-state")]
internal sealed class Cmi5RegistrationState
{
    [Id(0)] public Abstractions.Cmi5.Cmi5Unit? Unit { get; set; }

    [Id(1)] public bool Completed { get; set; }

    [Id(2)] public bool Passed { get; set; }

    [Id(3)] public bool Failed { get; set; }

    [Id(4)] public bool Waived { get; set; }

    [Id(5)] public bool Satisfied { get; set; }

    [Id(6)] public Guid SessionId { get; set; }

    [Id(7)] public DateTimeOffset SessionStarted { get; set; }

    [Id(8)] public string FetchSecretHash { get; set; } = string.Empty;

    /// <summary>The SHA-256 hex of the session's auth token, once fetched (empty before).</summary>
    [Id(9)] public string TokenHash { get; set; } = string.Empty;

    [Id(10)] public bool Fetched { get; set; }

    [Id(11)] public bool Initialized { get; set; }

    [Id(12)] public bool Terminated { get; set; }

    /// <summary>The cmi5 defined verbs the session has used (no verb twice in a session).</summary>
    [Id(13)] public List<string> SessionVerbs { get; set; } = [];
}
