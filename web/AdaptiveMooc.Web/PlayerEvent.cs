namespace AdaptiveMooc.Web;

/// <summary>One event of the lesson page's media element, as its script reports it (<c>wwwroot/js/player.js</c>).</summary>
public sealed record PlayerEvent(string Event, double Time, double Length, double Progress, string Segments, double WatchedSeconds);
