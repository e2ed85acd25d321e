"""Initial schema: accords, parties, people, sources, status actions, events, citations, revision log

Revision ID: 0001
Revises:
Create Date: 2026-11-29 19:15:26.138000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('accords',
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('first_signed_edtf', sa.String(length=100), nullable=True),
    sa.Column('first_signed_lower', sa.Date(), nullable=True),
    sa.Column('first_signed_upper', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accords')),
    sa.UniqueConstraint('key', name=op.f('uq_accords_key'))
    )
    op.create_table('parties',
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('party_kind', sa.String(length=20), nullable=False),
    sa.Column('iso_code', sa.String(length=2), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parties')),
    sa.UniqueConstraint('iso_code', name=op.f('uq_parties_iso_code')),
    sa.UniqueConstraint('key', name=op.f('uq_parties_key'))
    )
    op.create_table('revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('record_kind', sa.String(length=20), nullable=False),
    sa.Column('record_key', sa.String(length=80), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_revisions'))
    )
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.create_index('ix_revisions_record', ['record_kind', 'record_key'], unique=False)

    op.create_table('sources',
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('source_kind', sa.String(length=30), nullable=False),
    sa.Column('publisher', sa.String(length=500), nullable=False),
    sa.Column('authors', sa.JSON(), nullable=False),
    sa.Column('published_edtf', sa.String(length=100), nullable=True),
    sa.Column('published_lower', sa.Date(), nullable=True),
    sa.Column('published_upper', sa.Date(), nullable=True),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('accessed_edtf', sa.String(length=100), nullable=True),
    sa.Column('accessed_lower', sa.Date(), nullable=True),
    sa.Column('accessed_upper', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sources')),
    sa.UniqueConstraint('key', name=op.f('uq_sources_key'))
    )
    op.create_table('events',
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('event_kind', sa.String(length=40), nullable=False),
    sa.Column('accord_id', sa.Integer(), nullable=True),
    sa.Column('date_edtf', sa.String(length=100), nullable=True),
    sa.Column('date_lower', sa.Date(), nullable=True),
    sa.Column('date_upper', sa.Date(), nullable=True),
    sa.Column('location', sa.String(length=500), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('certainty', sa.String(length=20), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['accord_id'], ['accords.id'], name=op.f('fk_events_accord_id_accords'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('key', name=op.f('uq_events_key'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_accord_id'), ['accord_id'], unique=False)

    op.create_table('people',
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('office', sa.String(length=500), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['party_id'], ['parties.id'], name=op.f('fk_people_party_id_parties'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people')),
    sa.UniqueConstraint('key', name=op.f('uq_people_key'))
    )
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_people_party_id'), ['party_id'], unique=False)

    op.create_table('status_actions',
    sa.Column('accord_id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('date_edtf', sa.String(length=100), nullable=True),
    sa.Column('date_lower', sa.Date(), nullable=True),
    sa.Column('date_upper', sa.Date(), nullable=True),
    sa.Column('certainty', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['accord_id'], ['accords.id'], name=op.f('fk_status_actions_accord_id_accords'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['party_id'], ['parties.id'], name=op.f('fk_status_actions_party_id_parties'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_actions')),
    sa.UniqueConstraint('key', name=op.f('uq_status_actions_key'))
    )
    with op.batch_alter_table('status_actions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_actions_accord_id'), ['accord_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_status_actions_party_id'), ['party_id'], unique=False)

    op.create_table('citations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('accord_id', sa.Integer(), nullable=True),
    sa.Column('party_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('status_action_id', sa.Integer(), nullable=True),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('locator', sa.String(length=500), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.CheckConstraint(' + '.join(f'CAST(({c} IS NOT NULL) AS INTEGER)' for c in ('accord_id', 'party_id', 'person_id', 'status_action_id', 'event_id')) + ' = 1', name=op.f('ck_citations_one_claim')),
    sa.ForeignKeyConstraint(['accord_id'], ['accords.id'], name=op.f('fk_citations_accord_id_accords'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_citations_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['party_id'], ['parties.id'], name=op.f('fk_citations_party_id_parties'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_citations_person_id_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_citations_source_id_sources'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['status_action_id'], ['status_actions.id'], name=op.f('fk_citations_status_action_id_status_actions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citations'))
    )
    with op.batch_alter_table('citations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_citations_accord_id'), ['accord_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citations_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citations_party_id'), ['party_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citations_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citations_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citations_status_action_id'), ['status_action_id'], unique=False)

    op.create_table('event_roles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(party_id IS NULL) <> (person_id IS NULL)', name=op.f('ck_event_roles_party_or_person')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_roles_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['party_id'], ['parties.id'], name=op.f('fk_event_roles_party_id_parties'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_event_roles_person_id_people'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_roles'))
    )
    with op.batch_alter_table('event_roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_roles_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_roles_party_id'), ['party_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_roles_person_id'), ['person_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('event_roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_roles_person_id'))
        batch_op.drop_index(batch_op.f('ix_event_roles_party_id'))
        batch_op.drop_index(batch_op.f('ix_event_roles_event_id'))

    op.drop_table('event_roles')
    with op.batch_alter_table('citations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_citations_status_action_id'))
        batch_op.drop_index(batch_op.f('ix_citations_source_id'))
        batch_op.drop_index(batch_op.f('ix_citations_person_id'))
        batch_op.drop_index(batch_op.f('ix_citations_party_id'))
        batch_op.drop_index(batch_op.f('ix_citations_event_id'))
        batch_op.drop_index(batch_op.f('ix_citations_accord_id'))

    op.drop_table('citations')
    with op.batch_alter_table('status_actions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_actions_party_id'))
        batch_op.drop_index(batch_op.f('ix_status_actions_accord_id'))

    op.drop_table('status_actions')
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_party_id'))

    op.drop_table('people')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_accord_id'))

    op.drop_table('events')
    op.drop_table('sources')
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.drop_index('ix_revisions_record')

    op.drop_table('revisions')
    op.drop_table('parties')
    op.drop_table('accords')
