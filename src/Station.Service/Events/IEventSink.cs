namespace Station.Service.Events;

/// <summary>Takes events durably: once <see cref="Emit"/> returns, the event is in the outbox and survives a crash.</summary>
public interface IEventSink
{
    void Emit(StationEvent stationEvent);
}
