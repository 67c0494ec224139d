namespace AdaptiveMooc.Api.Contracts;

/// <summary>The private iCalendar subscription address: whoever has it reads the plan, until it is revoked.</summary>
public sealed record CalendarFeedResponse(Uri Url);
