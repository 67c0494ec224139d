namespace AdaptiveMooc.Silo.Tests;

internal static class Eventually
{
    /// <summary>Polls until the condition holds; the deadline only bounds a hung test, it measures nothing.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan deadline)
    {
        var giveUpAt = DateTime.UtcNow + deadline;
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (DateTime.UtcNow > giveUpAt)
            {
                return false;
            }

            await Task.Delay(250);
        }
    }
}
