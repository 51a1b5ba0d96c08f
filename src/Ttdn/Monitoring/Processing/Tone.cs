namespace Ttdn.Monitoring.Processing;

/// <summary>How an item speaks of its subject; a person may override the classifier's choice.</summary>
public enum Tone
{
    Negative = -1,
    Neutral = 0,
    Positive = 1,
}
