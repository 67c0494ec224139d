namespace AdaptiveMooc.Grains.Webinars;

/// <summary>The webinar's definition. Registrations are rows of the store, counted on activation.</summary>
[GenerateSerializer]
[Alias("mooc.webinar.state")]
internal sealed class WebinarState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Title { get; set; } = string.Empty;
    [Id(2)] public DateTimeOffset Start { get; set; }
    [Id(3)] public int Minutes { get; set; }
    [Id(4)] public int Capacity { get; set; }
    [Id(5)] public Uri? JoinUrl { get; set; }
    [Id(6)] public string CreatedBy { get; set; } = string.Empty;
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The notice time came (registered learners were notified); later registrations are notified at once.</summary>
    [Id(8)] public bool StartingNoticeSent { get; set; }
}
