/**
 * The contract every Implementation passes, run through the Desktop Interface: the same story and the same
 * refusals whatever the back end. `makeDesk` returns `{cti, centre, settle}`: the Interface, the in-memory
 * contact centre that plays the other side, and a function that lets pending I/O complete.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordEvents } from '../support/fake-clock.js';

/**
 * @param {string} name the implementation under test
 * @param {() => Promise<{cti: import('../../src/interface/desktop-interface.js').OpenCti,
 *   centre: import('../../src/implementations/in-memory.js').InMemoryImplementation, settle: () => Promise<void>}>} makeDesk
 */
export function implementationContract(name, makeDesk) {
  async function ready() {
    const desk = await makeDesk();
    await desk.cti.login('1001', 'demo');
    await desk.cti.agentReady();
    await desk.settle();
    return desk;
  }

  test(`${name}: login leaves the agent NotReady with reason login and the link Connected`, async () => {
    const { cti, settle } = await makeDesk();

    await cti.login('1001', 'demo');
    await settle();

    assert.equal(cti.state.agent.state, 'NotReady');
    assert.equal(cti.state.agent.reasonCode, 'login');
    assert.equal(cti.state.linkState, 'Connected');
    assert.equal(cti.state.device, '5001');
  });

  test(`${name}: a wrong password is refused with OPENCTI_NOT_AUTHORIZED`, async () => {
    const { cti } = await makeDesk();

    const error = await cti.login('1001', 'nope').then(() => null, e => e);

    assert.equal(error.code, 'OPENCTI_NOT_AUTHORIZED');
  });

  test(`${name}: the main call story: ring, answer, hold, retrieve, consult, transfer, wrap up`, async () => {
    const { cti, centre, settle } = await ready();
    const recorder = recordEvents(cti);

    const callId = centre.offerCall({ ani: '0612345678', queue: 'sales', callData: { accountId: 'A-1001' } });
    await settle();
    assert.equal(cti.state.calls[0].state, 'Offering');
    assert.deepEqual(cti.state.calls[0].callData, { accountId: 'A-1001' });
    await cti.answerCall(callId);
    await cti.holdCall(callId);
    await cti.retrieveCall(callId);
    const { callId: consult } = await cti.consultationCall(callId, '5002');
    await settle();
    centre.answerRemote(consult);
    await settle();
    assert.ok(cti.state.calls.find(c => c.callId === consult).allowedActions.includes('transferComplete'));
    await cti.transferComplete(callId, consult);
    await settle();

    assert.deepEqual(cti.state.calls, []);
    assert.equal(cti.state.agent.state, 'AfterCallWork');
    assert.deepEqual(cti.state.awaitingWrapUp.map(c => [c.callId, c.cause]), [[callId, 'Transferred']]);
    await cti.wrapUp(callId, 'sale', 'renewed');
    assert.deepEqual(cti.state.awaitingWrapUp, []);
    assert.deepEqual(centre.records.at(-1), { type: 'wrapUp', callId, wrapUpCode: 'sale', notes: 'renewed' });
    assert.deepEqual(recorder.of('error'), [], recorder.describe());
  });

  test(`${name}: NotReady asked while Busy is pending and applies when the call ends`, async () => {
    const { cti, centre, settle } = await ready();
    const callId = centre.offerCall({ queue: 'sales' });
    await settle();
    await cti.answerCall(callId);

    await cti.agentNotReady('lunch');
    await settle();
    assert.equal(cti.state.agent.state, 'Busy');
    assert.equal(cti.state.agent.pendingState, 'NotReady');
    centre.hangUpRemote(callId);
    await settle();

    assert.equal(cti.state.agent.state, 'NotReady');
    assert.equal(cti.state.agent.reasonCode, 'lunch');
    assert.equal(cti.state.agent.pendingState, undefined);
  });

  test(`${name}: a conference joins the consult leg and a party can be dropped`, async () => {
    const { cti, centre, settle } = await ready();
    const callId = centre.offerCall({ queue: 'sales' });
    await settle();
    await cti.answerCall(callId);
    const { callId: consult } = await cti.conferenceInitiate(callId, '5002');
    await settle();
    centre.answerRemote(consult);
    await settle();

    await cti.conferenceComplete(callId, consult);
    await settle();
    assert.deepEqual(cti.state.calls.map(c => [c.callId, c.state]), [[callId, 'Established']]);
    assert.deepEqual(cti.state.calls[0].parties.map(p => p.dn), ['0612345678', '5002']);
    await cti.dropParty(callId, '5002');
    await settle();

    assert.deepEqual(cti.state.calls[0].parties.map(p => p.dn), ['0612345678']);
  });

  test(`${name}: cancel consult returns to the held call`, async () => {
    const { cti, centre, settle } = await ready();
    const callId = centre.offerCall({ queue: 'sales' });
    await settle();
    await cti.answerCall(callId);
    const { callId: consult } = await cti.transferInitiate(callId, '5002');
    await settle();

    await cti.cancelConsult(consult);
    await settle();
    await cti.retrieveCall(callId);
    await settle();

    assert.deepEqual(cti.state.calls.map(c => [c.callId, c.state]), [[callId, 'Established']]);
  });

  test(`${name}: a refusal by the back end changes nothing`, async () => {
    const { cti, centre, settle } = await ready();
    const callId = centre.offerCall({ queue: 'sales' });
    await settle();
    await cti.answerCall(callId);
    const before = cti.state;

    const error = await cti.dropParty(callId, '5999').then(() => null, e => e);
    await settle();

    assert.equal(error.code, 'OPENCTI_CF_INVALID_DESTINATION');
    assert.equal(cti.state, before);
  });

  test(`${name}: call data set from the desk comes back as a callinfochange`, async () => {
    const { cti, centre, settle } = await ready();
    const callId = centre.offerCall({ queue: 'sales', callData: { accountId: 'A-1' } });
    await settle();
    const recorder = recordEvents(cti);

    await cti.setCallData(callId, { note: 'vip' });
    await settle();

    assert.deepEqual(recorder.of('callinfochange')[0].call.callData, { accountId: 'A-1', note: 'vip' });
  });

  test(`${name}: a dialled call rings out and connects when the far end answers`, async () => {
    const { cti, centre, settle } = await ready();

    const { callId } = await cti.makeCall('0611223344', { campaign: 'renewals' });
    await settle();
    assert.equal(cti.state.calls[0].state, 'Alerting');
    centre.answerRemote(callId);
    await settle();
    await cti.sendDTMF(callId, '1#');
    await cti.hangUpCall(callId);
    await settle();

    assert.deepEqual(cti.state.calls, []);
    assert.equal(cti.state.agent.state, 'Ready');
    assert.deepEqual(centre.records.at(-1), { type: 'sendDTMF', callId, digits: '1#' });
  });

  test(`${name}: logout ends the session with a snapshot`, async () => {
    const { cti, settle } = await ready();

    await cti.logout();
    await settle();

    assert.equal(cti.state.agent.state, 'LoggedOut');
  });
}
