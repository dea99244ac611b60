-- Re-orientation in the report (docs/consultation.md §report): to a relay doctor with an appointment booked, or to
-- emergency services by a recorded mode and time. The directory gains the professional's practice address, the
-- default place of the appointment.
alter table professional add column practice_address varchar(300);

-- The relay doctor's appointment: set only when the re-orientation is RELAY_DOCTOR, and then complete.
alter table document_reference add column relay_professional_id uuid references professional(id);
alter table document_reference add column relay_appointment_at timestamptz;
alter table document_reference add column relay_place varchar(300);
alter table document_reference add constraint relay_only_for_relay_doctor check (
    case when reorientation = 'RELAY_DOCTOR'
         then relay_professional_id is not null and relay_appointment_at is not null and relay_place is not null
         else relay_professional_id is null and relay_appointment_at is null and relay_place is null end);

-- How the patient was sent to emergency services, and when: set only for EMERGENCY, and then complete.
alter table document_reference add column emergency_mode varchar(20)
    check (emergency_mode in ('SAMU_CALLED','OWN_MEANS','MEDICAL_TRANSPORT'));
alter table document_reference add column emergency_at timestamptz;
alter table document_reference add constraint emergency_only_for_emergency check (
    case when reorientation = 'EMERGENCY' then emergency_mode is not null and emergency_at is not null
         else emergency_mode is null and emergency_at is null end);

-- Sending after signature, like sent_to / sent_at / send_error for the MT: the relay doctor's copy of the PDF, and
-- the patient's appointment notice (SMS and e-mail apart, so a retry does not repeat the channel that worked).
alter table document_reference add column relay_sent_to varchar(200);
alter table document_reference add column relay_sent_at timestamptz;
alter table document_reference add column relay_send_error varchar(200);
alter table document_reference add column patient_sms_at timestamptz;
alter table document_reference add column patient_email_at timestamptz;
alter table document_reference add column patient_notice_error varchar(200);
