namespace HfSpaces.Emulator.Hosting;

/// <summary>
/// The Hub's API rate limit, emulated: at most <see cref="Requests"/> requests per token (or per anonymous caller) in each
/// fixed <see cref="Window"/>. Every answer carries <c>RateLimit: "api";r=&lt;left&gt;;t=&lt;seconds to reset&gt;</c> and
/// <c>RateLimit-Policy: "fixed window";"api";q=&lt;requests&gt;;w=&lt;window seconds&gt;</c>; a request over the budget is answered
/// 429 with <c>Retry-After</c> and <c>r=0</c>, as huggingface_hub's error parsing expects (docs/hub-wire.md "Errors").
/// </summary>
/// <param name="Requests">Requests allowed per window.</param>
/// <param name="Window">The window (the Hub's is 5 minutes for 500 requests).</param>
public sealed record RateLimitRule(int Requests, TimeSpan Window);
